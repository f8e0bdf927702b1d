// Playwright: the workbench's end-to-end journeys against the whole stack
// (scripts/e2e.sh starts Neo4j and `keyline serve --dev` with the demo
// operation and sets KEYLINE_URL). The browser is the system Chromium
// (scripts/chromium.sh): Playwright's own browser downloads are not used.
import { defineConfig, devices } from '@playwright/test';

const baseURL = process.env.KEYLINE_URL ?? 'http://127.0.0.1:8080';
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/artifacts',
  // Two CPUs, shared with Neo4j and the server: one browser at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: './playwright-report', open: 'never' }],
  ],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
