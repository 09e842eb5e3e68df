export { NewUserSchema, UserUpdateSchema } from '../../../../pipelines/auth/users.js';
