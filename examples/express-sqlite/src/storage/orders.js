// drizzle over better-sqlite3: the promise API does not make the queries asynchronous.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { eq } from 'drizzle-orm';
import { orders } from './schema.js';

export const ordersDb = drizzle(new Database(process.env.DB_PATH ?? 'app.db'));

export class OrderRepository {
  async forUser(userId) {
    return await ordersDb.select().from(orders).where(eq(orders.userId, userId));
  }

  create(order) {
    return ordersDb.insert(orders).values(order).returning().get();
  }
}
