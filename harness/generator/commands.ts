/** The table of command arbitraries: one per op kind, built for one generator context. */
import type fc from 'fast-check';
import type { OpKind, OpOfKind } from '../ops/types';
import type { GenContext } from './gen-context';
import { clockCommand, nextSyncIdCommand, readCloneCommand, reopenCommand, syncIdsCommand } from './harness-commands';
import {
  deleteGrantCommand,
  putAssetCommand,
  putEntitlementsCommand,
  putGrantsCommand,
  putResourcesCommand,
  putResourceTypesCommand,
} from './put-commands';
import { getCommands, listCommands } from './read-commands';
import {
  checkpointSyncCommand,
  currentSyncStepCommand,
  endSyncCommand,
  setCurrentSyncCommand,
  startNewSyncCommand,
  startSyncCommand,
} from './sync-commands';
import {
  cleanupCommand,
  cloneSyncCommand,
  closeCommand,
  compactCommand,
  generateSyncDiffCommand,
  verifyCommand,
  viewSyncCommand,
} from './whole-sync-commands';

/** A command arbitrary for every op kind. */
export type CommandTable = { readonly [K in OpKind]: fc.Arbitrary<OpOfKind<K>> };

/** Builds the command arbitrary of every op kind for `g`. */
export function commandTable(g: GenContext): CommandTable {
  return {
    startNewSync: startNewSyncCommand(g),
    startSync: startSyncCommand(),
    setCurrentSync: setCurrentSyncCommand(g),
    currentSyncStep: currentSyncStepCommand(),
    checkpointSync: checkpointSyncCommand(g),
    endSync: endSyncCommand(),
    putResourceTypes: putResourceTypesCommand(g),
    putResources: putResourcesCommand(g),
    putEntitlements: putEntitlementsCommand(g),
    putGrants: putGrantsCommand(g),
    deleteGrant: deleteGrantCommand(g),
    putAsset: putAssetCommand(g),
    ...listCommands(g),
    ...getCommands(g),
    generateSyncDiff: generateSyncDiffCommand(g),
    cloneSync: cloneSyncCommand(g),
    viewSync: viewSyncCommand(g),
    cleanup: cleanupCommand(g),
    compact: compactCommand(),
    verify: verifyCommand(),
    close: closeCommand(),
    clock: clockCommand(g),
    reopen: reopenCommand(),
    readClone: readCloneCommand(g),
    nextSyncId: nextSyncIdCommand(),
    syncIds: syncIdsCommand(g),
  };
}
