export type { PrintJobs, PrintJobsDeps } from './jobs';
export { createPrintJobs } from './jobs';
export { printFileName } from './file-name';
