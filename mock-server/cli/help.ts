/** `iiq --help`. */
export const HELP = `iiq: the IntentIQ command line

Usage:
  iiq score <domain> [--json]        Score a company. Uses the live API when IIQ_API_KEY is set,
                                     otherwise a built-in mock in test mode (no key, no credits).
  iiq bulk <file.csv> [options]      Score every row of a CSV file (a "domain" column, any length)
                                     with bulk jobs; the results as CSV. Ctrl-C stops; the same
                                     command within 24 hours resumes without paying twice.
      -o, --output <file>            Write the results there (default: stdout)
      --deferred                     Overnight jobs at half the credits (results within 8 hours)
      --tag <text>                   A label on every job (a new tag starts a new run)
      --concurrency <n>              Jobs in flight, 1 to 10 (default 5)
  iiq report [--period 2026-Q2] [--json]
                                     The pipeline report of a quarter (default: the current one):
                                     bands and conversion by band as bars, the trend against the
                                     prior quarter. Without IIQ_API_KEY, a demo from a built-in mock.
  iiq mock [options]                 Run the reference mock server of the IntentIQ API.
      --port <n>                     Port to listen on (default 4010; 0 picks a free one)
      --host <address>               Address to listen on (default 127.0.0.1)
      --plan <starter|team|scale>    Plan of the default workspace (default team)
      --seed <text>                  Seed for keys and ids (default "vesperwise")
      --now <iso time>               Where the mock's clock starts (default: now)
      --allow-loopback-webhooks      Accept and deliver to webhook URLs on this machine
                                     (127.0.0.1, ::1, localhost); the API refuses them
  iiq webhooks listen --forward-to <url> [options]
                                     Forward new events (of a running iiq mock, or of the API),
                                     signed, to a local receiver; prints the signing secret to use.
      --events <type,type>           Only these event types (default: all)
      --base-url <url>               Where to read events (default IIQ_BASE_URL, else the API with
                                     a key, else a local iiq mock at http://127.0.0.1:4010/v1)
      --api-key <key>                Default IIQ_API_KEY; a local iiq mock lends its live key
      --interval <duration>          How often to look for events (default 1s)
  iiq --help                         Show this help
  iiq --version                      Show the version

Environment:
  IIQ_API_KEY    API key for iiq score, iiq bulk, iiq report and iiq webhooks listen (iiq_live_...
                 or iiq_test_...); without one, score, bulk and report answer from a built-in mock
  NO_COLOR       Set to print iiq report without colour (it has none when piped anyway)
  IIQ_BASE_URL   API base URL (default https://api.intentiq.dev/v1)

Docs: the README of @vesperwise/node (node_modules/@vesperwise/node/README.md).`;
