import type { Config, Plugin } from 'payload'
import { type Program, standardProgram } from '../../shared/program'
import { defaultLanguages } from '../plugin/languages'
import { tasksCollection } from './collection'

export interface TasksPluginOptions {
  programs?: Record<string, Program>
  languages?: readonly string[]
}

/** Tasks (タスク): the collection and its approval workflow; publishing reads the approved copies. */
export const tasksPlugin =
  (options: TasksPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    const collection = tasksCollection({
      programs: options.programs ?? { standard: standardProgram },
      languages: options.languages ?? defaultLanguages,
    })
    return { ...config, collections: [...(config.collections ?? []), collection] }
  }
