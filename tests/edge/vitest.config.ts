import { workerdProject } from '../support/workerd-project.ts'

export default workerdProject({ name: 'edge', include: ['tests/edge/**/*.test.ts'] })
