/**
 * Who made a temporary file or directory: a tag `<host>-<pid>-<start>` put in its name when it is created, so that a
 * later process can tell a dead owner's leftovers (removable) from a live owner's work (never touched). The start
 * time (Linux /proc, clock ticks since boot) tells a reused pid from the original process; a tag of another host is
 * never judged dead, since its process cannot be checked from here.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { errnoCode } from '../c1z/file-io';

/** The parts of an owner tag. */
export interface Owner {
  readonly host: string;
  readonly pid: number;
  /** Start time of the process in clock ticks since boot; '0' where it cannot be read. */
  readonly start: string;
}

/** The regular expression source of a tag, with groups host, pid, start (for names that embed one). */
export const OWNER_TAG_SOURCE = '([A-Za-z0-9]+)-(\\d+)-(\\d+)';

/** The host name reduced to letters and digits, so that a tag parses back unambiguously. */
function hostName(): string {
  return os.hostname().replace(/[^A-Za-z0-9]/g, '').slice(0, 32) || 'host';
}

/** The start time of process `pid` (field 22 of /proc/<pid>/stat), or undefined where it cannot be read. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' start at field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

let self: Owner | undefined;

/** This process as an owner. */
export function thisOwner(): Owner {
  self ??= { host: hostName(), pid: process.pid, start: processStart(process.pid) ?? '0' };
  return self;
}

/** The tag of this process, for a name. */
export function ownerTag(): string {
  const o = thisOwner();
  return `${o.host}-${o.pid}-${o.start}`;
}

/** Builds an owner from the three groups a match of OWNER_TAG_SOURCE captured. */
export function ownerOf(host: string, pid: string, start: string): Owner {
  return { host, pid: Number(pid), start };
}

/** Tells whether process `pid` exists (a process of another user counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM';
  }
}

/** True only when `owner` surely is gone: same host, and its pid runs no process or one started at another time. */
export function ownerIsGone(owner: Owner): boolean {
  const me = thisOwner();
  if (owner.host !== me.host || !Number.isSafeInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.pid === me.pid) return owner.start !== '0' && me.start !== '0' && owner.start !== me.start;
  if (!isRunning(owner.pid)) return true;
  const now = processStart(owner.pid);
  return owner.start !== '0' && now !== undefined && now !== owner.start;
}
