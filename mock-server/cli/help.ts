/** `iiq --help`. */
export const HELP = `iiq: the IntentIQ command line

Usage:
  iiq score <domain> [--json]        Score a company. Uses the live API when IIQ_API_KEY is set,
                                     otherwise a built-in mock in test mode (no key, no credits).
  iiq mock [options]                 Run the reference mock server of the IntentIQ API.
      --port <n>                     Port to listen on (default 4010; 0 picks a free one)
      --host <address>               Address to listen on (default 127.0.0.1)
      --plan <starter|team|scale>    Plan of the default workspace (default team)
      --seed <text>                  Seed for keys and ids (default "vesperwise")
      --now <iso time>               Where the mock's clock starts (default: now)
  iiq --help                         Show this help
  iiq --version                      Show the version

Environment:
  IIQ_API_KEY    API key for iiq score (iiq_live_... or iiq_test_...)
  IIQ_BASE_URL   API base URL (default https://api.intentiq.dev/v1)

Docs: docs/mock-server.md in the @vesperwise/node package.`;
