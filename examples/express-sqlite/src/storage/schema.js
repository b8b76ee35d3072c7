import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const orders = sqliteTable('orders', {
  id: integer('id').primaryKey(),
  userId: integer('user_id').notNull(),
  item: text('item').notNull(),
});
