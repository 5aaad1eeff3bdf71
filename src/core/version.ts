/**
 * The SDK's version, sent as `X-IIQ-Client: vesperwise-node/<version>`. A test compares it with
 * `package.json`, so a release that bumps one and not the other fails the suite.
 */
export const VERSION = '0.0.0';
