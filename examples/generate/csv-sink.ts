/**
 * A CSV file written row by row through a small buffer (synchronous writes keep the order and the
 * bytes deterministic, and memory flat at 100k accounts).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

export class CsvSink {
  private fd: number;
  private buf = '';
  rows = 0;

  constructor(
    file: string,
    header: string[],
    private readonly delimiter = ',',
    bom = false,
  ) {
    this.fd = openSync(file, 'w');
    this.buf = (bom ? '\uFEFF' : '') + this.line(header);
  }

  /** RFC 4180 quoting: fields holding the delimiter, quotes, line breaks or edge spaces. */
  private quote(field: string): string {
    const risky = field.includes(this.delimiter) || /["\r\n]/.test(field) || field !== field.trim();
    return risky ? `"${field.replace(/"/g, '""')}"` : field;
  }

  private line(fields: string[]): string {
    return `${fields.map((f) => this.quote(f)).join(this.delimiter)}\n`;
  }

  write(fields: string[]): void {
    this.buf += this.line(fields);
    this.rows++;
    if (this.buf.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.buf) writeSync(this.fd, this.buf);
    this.buf = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
