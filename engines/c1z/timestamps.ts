/**
 * The text timestamps of the c1z SQLite schema (SPEC §8): `YYYY-MM-DD HH:MM:SS[.ffffff]` in UTC, kept to the
 * microsecond. All arithmetic is on integers: a float division of microseconds can land on the wrong second, and
 * Date parsing of a fraction rounds.
 */
import type { Micros } from '../../models/types';
import { StorageError } from '../../models/contract/errors';

const MICROS_PER_SECOND = 1_000_000;
const SECONDS_PER_DAY = 86_400;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|\+00:00)?$/;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats microseconds since the epoch as c1z text: UTC, up to six fractional digits, trailing zeros trimmed. */
export function formatC1zTime(micros: Micros): string {
  if (!Number.isSafeInteger(micros)) {
    throw new StorageError('INVALID_ARGUMENT', `timestamp must be an integer number of microseconds, got ${micros}`);
  }
  // `%` is exact on safe integers, and (micros - fraction) is an exact multiple of a million.
  const fraction = ((micros % MICROS_PER_SECOND) + MICROS_PER_SECOND) % MICROS_PER_SECOND;
  const seconds = (micros - fraction) / MICROS_PER_SECOND;
  const secondOfDay = ((seconds % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY;
  const [year, month, day] = civilFromDays((seconds - secondOfDay) / SECONDS_PER_DAY);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}`;
  return fraction === 0 ? text : `${text}.${pad(fraction, 6).replace(/0+$/, '')}`;
}

/** Parses c1z text (up to nine fractional digits, truncated to microseconds; 'T', 'Z', '+00:00' accepted) to micros. */
export function parseC1zTime(text: string): Micros {
  const match = typeof text === 'string' ? PATTERN.exec(text) : null;
  if (match === null) throw new StorageError('CORRUPTION', `not a c1z timestamp: ${JSON.stringify(text)}`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    throw new StorageError('CORRUPTION', `not a valid date and time: ${JSON.stringify(text)}`);
  }
  const fraction = Number((match[7] ?? '').padEnd(6, '0').slice(0, 6));
  const seconds = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  // seconds * 1e6 is exact for any year up to 9999 (a multiple of 64 below 2^59); the sum is exact iff it is safe.
  const micros = seconds * MICROS_PER_SECOND + fraction;
  if (!Number.isSafeInteger(micros)) {
    throw new StorageError('CORRUPTION', `timestamp out of the representable range (±2^53 µs): ${JSON.stringify(text)}`);
  }
  return micros;
}
