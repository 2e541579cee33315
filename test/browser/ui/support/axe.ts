/**
 * axe-core in an app frame, as an accessibility tool runs it: its script (axe-core/axe.min.js) evaluated in the
 * frame, then `axe.run(document)`. For the browser tests that check a screen's look has no critical or serious
 * violation (test/browser/ui/accessibility.test.ts runs it with its own rules and options).
 */
import { readFileSync } from 'fs';
import type { Frame } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The frame's critical and serious axe-core violations, each as "rule id: help".
 * @example await expect(seriousViolations(frame)).resolves.toEqual([]);
 */
export async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (d: Document) => Promise<{ violations: { id: string; impact: string | null; help: string }[] }>;
        };
      }
    ).axe;
    return (await axe.run(document)).violations;
  });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.help}`);
}
