import { describe, expect, it } from "vitest";
import { Semaphore } from "./semaphore";

describe("Semaphore", () => {
  it("hands a released slot to the longest waiter first", async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    const release = await semaphore.acquire();
    const first = semaphore.run(async () => void order.push("first"));
    const second = semaphore.run(async () => void order.push("second"));
    expect(semaphore.inFlight).toBe(1);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
    expect(semaphore.inFlight).toBe(0);
  });

  it("ignores a second release of the same slot", async () => {
    const semaphore = new Semaphore(2);
    const release = await semaphore.acquire();
    release();
    release();
    expect(semaphore.inFlight).toBe(0);
    await semaphore.acquire();
    await semaphore.acquire();
    expect(semaphore.inFlight).toBe(2);
  });

  it("releases the slot when the task fails", async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(semaphore.inFlight).toBe(0);
  });

  it("refuses a capacity below one", () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
