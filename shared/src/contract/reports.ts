import { z } from 'zod';
import { progressReportSchema } from '../model/analysis-document';

export const reportQuerySchema = z.object({
  /** Start of the reporting period; default: the last "report-sent" touchpoint, else everything. */
  since: z.iso.datetime({ offset: true }).optional(),
});
export const reportResponseSchema = progressReportSchema;
