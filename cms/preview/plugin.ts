import type { Config, Plugin } from 'payload'
import { type Program, standardProgram } from '../../shared/program'
import { withAdminView } from '../plugin/adminView'

export interface PreviewPluginOptions {
  /** Programs a tenant can choose, as the yorisoi plugin is given them. */
  programs?: Record<string, Program>
}

/**
 * The admin view /admin/resident-preview: a tenant, a due or birth date and a date → that day's
 * delivery on each channel, built from approved content as publishing would build it.
 */
export const previewPlugin =
  (options: PreviewPluginOptions = {}): Plugin =>
  (config: Config): Config =>
    withAdminView(config, 'residentPreview', {
      path: '/resident-preview',
      Component: {
        // Resolved from the import map's base directory (cms/).
        path: '/preview/ResidentPreviewView#ResidentPreviewView',
        serverProps: { programs: options.programs ?? { standard: standardProgram } },
      },
    })
