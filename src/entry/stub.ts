/**
 * STUB: a placeholder handler for a module that a later issue fills in. It logs its call and returns,
 * so the manifest can point every module at real code from the start.
 */
export function stubHandler(name: string) {
  return async (event: unknown): Promise<void> => {
    console.log(
      `[support-rules] ${name}: not implemented yet (stub)`,
      typeof event === 'object' && event ? Object.keys(event) : typeof event,
    );
  };
}
