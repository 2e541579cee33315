/**
 * A stand-in for Forge's Custom UI bridge (`window.__bridge.callBridge`), installed before the app loads:
 * getContext answers the given context, invoke answers from a table of canned resolver answers.
 * (The script is a string: a function would be rewritten by the test's TypeScript loader.)
 */
import type { Page } from 'playwright-core';

export async function installFakeBridge(
  page: Page,
  context: Record<string, unknown>,
  answers: Record<string, unknown>,
): Promise<void> {
  await page.addInitScript(`
    (() => {
      const context = ${JSON.stringify(context)};
      const answers = ${JSON.stringify(answers)};
      const calls = [];
      window.__calls = calls;
      window.__bridge = {
        callBridge: async (name, payload) => {
          calls.push({ name, payload });
          if (name === 'getContext') return context;
          if (name === 'invoke') return answers[payload.functionKey] ?? { ok: false, status: 404, code: 'no_answer', message: 'no canned answer' };
          if (name === 'on') return { unsubscribe: () => undefined };
          return undefined;
        },
      };
    })();
  `);
}
