/**
 * Peak resident memory of one timed run. On Linux the kernel keeps the high-water mark (VmHWM) and lets a process
 * reset it (`5` into /proc/self/clear_refs), which catches peaks inside synchronous native calls that no sampling
 * timer could see. Elsewhere the meter samples `process.memoryUsage().rss` on a timer and at the points a workload
 * reports (`sample()`), and says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** How the peak was measured. */
export type RssMethod = 'vmhwm' | 'sampled';

/** Reads VmHWM in bytes, or undefined when the platform has no /proc status. */
function readHighWaterMark(): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return m === null ? undefined : Number(m[1]) * 1024;
  } catch {
    return undefined;
  }
}

/** Resets the kernel's high-water mark; false when the platform does not allow it. */
function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** True when this platform lets the meter read and reset the kernel's peak (the method every run will use). */
export function kernelPeakAvailable(): boolean {
  return resetHighWaterMark() && readHighWaterMark() !== undefined;
}

/** Measures the peak RSS between `start()` and `stop()`. */
export class MemoryMeter {
  private peak = 0;
  private timer: NodeJS.Timeout | undefined;
  private method: RssMethod = 'sampled';
  /** RSS when the run started. */
  startRss = 0;

  /** Starts a measurement. */
  start(): void {
    this.startRss = process.memoryUsage.rss();
    this.peak = this.startRss;
    this.method = resetHighWaterMark() && readHighWaterMark() !== undefined ? 'vmhwm' : 'sampled';
    if (this.method === 'sampled') {
      this.timer = setInterval(() => this.sample(), 5);
      this.timer.unref();
    }
  }

  /** Records the current RSS (a no-op cost when the kernel keeps the peak). */
  sample(): void {
    if (this.method === 'vmhwm') return;
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }

  /** Ends the measurement and returns the peak RSS in bytes and how it was measured. */
  stop(): { peakRss: number; startRss: number; method: RssMethod } {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    const peak = this.method === 'vmhwm' ? (readHighWaterMark() ?? this.peak) : this.peak;
    return { peakRss: Math.max(peak, this.startRss), startRss: this.startRss, method: this.method };
  }
}
