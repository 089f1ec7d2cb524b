import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// yorisoi create-admin --email E [--name N] [--another] < password-file — the CMS's own command
// (cms/config/create-admin-command.ts) in a process of its own: the CLI loads no CMS code (the
// house's rule, tests/unit/house.test.ts), and Payload is started only for this command. Same
// arguments, same stdin, stdout and stderr, same exit code.

const command = fileURLToPath(new URL('../cms/config/create-admin-command.ts', import.meta.url))

export async function createAdmin(argv: string[]): Promise<void> {
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), command, ...argv], {
      stdio: 'inherit',
    })
    child.on('error', reject)
    child.on('exit', (exitCode) => resolve(exitCode ?? 1))
  })
  process.exitCode = code
}
