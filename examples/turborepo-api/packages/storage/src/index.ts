export { loadUsers, type UserRecord } from './users.js';
export { storageRoot } from './paths.js';
