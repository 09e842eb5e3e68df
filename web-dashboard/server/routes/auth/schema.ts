import { z } from 'zod';

export const LoginSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(200),
});
