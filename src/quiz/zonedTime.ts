// Wall-clock times in IANA time zones with nothing but Intl: "09:00 in Europe/Berlin" to an
// epoch instant, DST included. A local time skipped by a DST jump resolves to the instant an
// hour later (e.g. 02:30 on spring-forward day fires at 03:30 local).
export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "9:05" / "09:05" → { hour: 9, minute: 5 }; undefined when not a 24-hour time. */
export function parseHHMM(text: string): { hour: number; minute: number } | undefined {
  const m = /^([01]?\d|2[0-3])[:.h]([0-5]\d)$/.exec(text.trim());
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : undefined;
}

export function formatHHMM(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function wallClock(epoch: number, timeZone: string): { date: LocalDate; asUtc: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(epoch)).map((p) => [p.type, p.value]));
  const date = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { date, asUtc };
}

/** Offset of the zone from UTC at that instant, in ms (Berlin in winter: +3 600 000). */
export function zoneOffset(epoch: number, timeZone: string): number {
  const whole = Math.floor(epoch / 1000) * 1000;
  return wallClock(whole, timeZone).asUtc - whole;
}

export function localDateOf(epoch: number, timeZone: string): LocalDate {
  return wallClock(epoch, timeZone).date;
}

/** The instant at which the wall clock in timeZone reads date hour:minute. */
export function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = naive - zoneOffset(naive, timeZone);
  const second = naive - zoneOffset(first, timeZone);
  if (second === first) return first;
  // Around a DST change the two guesses differ: take the one that reads right, else the later.
  const reads = (t: number) => t + zoneOffset(t, timeZone) === naive;
  if (reads(first)) return first;
  if (reads(second)) return second;
  return Math.max(first, second);
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The latest daily slot at or before `now`. */
export function previousSlot(time: string, timeZone: string, now: number): number {
  const hm = parseHHMM(time);
  if (!hm) throw new Error(`bad time ${time}`);
  const today = localDateOf(now, timeZone);
  const slot = zonedInstant(today, hm.hour, hm.minute, timeZone);
  return slot <= now ? slot : zonedInstant(addDays(today, -1), hm.hour, hm.minute, timeZone);
}

/** The earliest daily slot strictly after `now`. */
export function nextSlot(time: string, timeZone: string, now: number): number {
  const hm = parseHHMM(time);
  if (!hm) throw new Error(`bad time ${time}`);
  const today = localDateOf(now, timeZone);
  const slot = zonedInstant(today, hm.hour, hm.minute, timeZone);
  return slot > now ? slot : zonedInstant(addDays(today, 1), hm.hour, hm.minute, timeZone);
}
