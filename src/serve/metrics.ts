/**
 * The server's counters in Prometheus' text exposition format (version 0.0.4): requests by
 * route and status, errors, a latency histogram, requests in flight, predicted rows and the
 * table's hits and misses.
 */

/** Upper bounds of the latency histogram, in seconds (Prometheus' client defaults, from 0.5 ms). */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Histogram {
  readonly counts: number[];
  sum: number;
  count: number;
}

const label = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

export class ServerMetrics {
  private readonly requests = new Map<string, number>();
  private readonly errors = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  inFlight = 0;
  rows = 0;
  hits = 0;
  misses = 0;

  /** The share of looked-up rows the table answered, or null before any lookup. */
  get hitRate(): number | null {
    const total = this.hits + this.misses;
    return total === 0 ? null : this.hits / total;
  }

  record(route: string, status: number, seconds: number): void {
    const key = `${route}\u0000${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    if (status >= 400) {
      const kind = `${route}\u0000${status >= 500 ? "server" : "client"}`;
      this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
    }
    let h = this.latency.get(route);
    if (!h) this.latency.set(route, (h = { counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 }));
    LATENCY_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) h!.counts[i]++;
    });
    h.sum += seconds;
    h.count++;
  }

  /** The exposition text; `tableRows` is the table's size (0 in dynamic mode). */
  text(mode: string, tableRows: number): string {
    const out: string[] = [];
    const family = (name: string, type: string, help: string) => out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    family("litml_http_requests_total", "counter", "HTTP requests answered, by route and status code.");
    for (const [key, n] of this.requests) {
      const [route, status] = key.split("\u0000");
      out.push(`litml_http_requests_total{route="${label(route)}",status="${status}"} ${n}`);
    }
    family("litml_http_request_errors_total", "counter", "Requests answered with an error: kind client (4xx) or server (5xx).");
    for (const [key, n] of this.errors) {
      const [route, kind] = key.split("\u0000");
      out.push(`litml_http_request_errors_total{route="${label(route)}",kind="${kind}"} ${n}`);
    }
    family("litml_http_request_duration_seconds", "histogram", "Time from a request's arrival to its answer, in seconds.");
    for (const [route, h] of this.latency) {
      const r = label(route);
      LATENCY_BUCKETS.forEach((bound, i) => out.push(`litml_http_request_duration_seconds_bucket{route="${r}",le="${bound}"} ${h.counts[i]}`));
      out.push(`litml_http_request_duration_seconds_bucket{route="${r}",le="+Inf"} ${h.count}`);
      out.push(`litml_http_request_duration_seconds_sum{route="${r}"} ${h.sum}`);
      out.push(`litml_http_request_duration_seconds_count{route="${r}"} ${h.count}`);
    }
    family("litml_http_requests_in_flight", "gauge", "Requests accepted and not yet answered.");
    out.push(`litml_http_requests_in_flight ${this.inFlight}`);
    family("litml_predictions_total", "counter", "Rows predicted (a batch counts each of its rows).");
    out.push(`litml_predictions_total{mode="${label(mode)}"} ${this.rows}`);
    family("litml_table_rows", "gauge", "Predictions held in the precomputed table.");
    out.push(`litml_table_rows ${tableRows}`);
    family("litml_table_lookups_total", "counter", "Rows looked up in the precomputed table, by result (hit or miss).");
    out.push(`litml_table_lookups_total{result="hit"} ${this.hits}`, `litml_table_lookups_total{result="miss"} ${this.misses}`);
    family("litml_table_hit_ratio", "gauge", "Share of looked-up rows the table answered (NaN before any lookup).");
    out.push(`litml_table_hit_ratio ${this.hitRate ?? "NaN"}`);
    return out.join("\n") + "\n";
  }
}
