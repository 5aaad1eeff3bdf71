// The runtime matrix's Cloudflare Worker (see scripts/runtimes.ts): it imports the mock, is built
// by wrangler without compatibility flags, and answers GET / with the checks' results on workerd.
import * as checks from './checks.mjs';

export default {
  async fetch() {
    const lines = [];
    try {
      lines.push(await checks.clientWithRetry());
      lines.push(await checks.webhooks());
      return Response.json({ ok: true, lines });
    } catch (error) {
      return Response.json(
        { ok: false, lines, error: String(error?.stack ?? error) },
        { status: 500 },
      );
    }
  },
};
