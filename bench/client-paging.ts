// How many calls and how long the client takes to page 10,000 users from the emulator, per page size.
// Run: npx ts-node --transpile-only bench/client-paging.ts [userCount]   (or node dist/bench/client-paging.js after a build)
// Users are seeded straight into the emulator store (no API calls); the figures cover the client's paging only.
import { performance } from "perf_hooks";
import { startEmulator } from "../emulator";
import type { UserRecord } from "../emulator/store/types";
import { PartnerCenterClient } from "../provider/client";
import { axiosTransport } from "../provider/client/pipeline/axiosTransport";
import type { Transport } from "../provider/client/pipeline/types";
import { benchUser } from "./lib/bench-customers";
import { runBench } from "./lib/report";

async function main(): Promise<void> {
  const userCount = Number(process.argv[2] ?? 10_000);
  const emu = await startEmulator({ rateLimitPerMinute: 10_000_000, diagnostic: () => {} });
  try {
    const partner = emu.seed.partners[0];
    const customerId = partner.customers[0].id;
    const customer = emu.store.findCustomer(customerId)!.customer;
    const template = customer.users[0];
    const now = new Date().toISOString();
    for (let i = 0; i < userCount; i++) {
      const user: UserRecord = {
        ...(template ?? {}),
        ...benchUser(`bench${i}@${customer.companyProfile.domain}`, `Bench ${i}`, String(i), now),
        invisibleReads: 0,
      };
      customer.users.push(user);
    }
    const total = customer.users.filter((u) => u.state === "active").length;
    console.log(
      `client paging bench: ${total} active users in one customer (${userCount} seeded), emulator at ${emu.url}`,
    );
    console.log("pageSize  calls  ms      users/s   ms/call");
    for (const pageSize of [100, 500, 1000]) {
      let calls = 0;
      const http = axiosTransport({ caCertificate: emu.ca });
      const counting: Transport = (request) => {
        calls++;
        return http(request);
      };
      const client = new PartnerCenterClient({
        tenantId: partner.tenantId,
        clientId: partner.user.clientId,
        clientSecret: partner.user.clientSecret,
        refreshToken: partner.user.refreshToken,
        endpoint: emu.url,
        authorityHost: emu.authorityHost,
        caCertificate: emu.ca,
        transport: counting,
      });
      await client.customers.get(customerId); // token and connection warm-up, not measured
      calls = 0;
      const started = performance.now();
      let seen = 0;
      for await (const _ of client.users.list(customerId, { pageSize })) seen++;
      const ms = performance.now() - started;
      if (seen !== total) throw new Error(`paged ${seen} users, expected ${total}`);
      console.log(
        `${String(pageSize).padEnd(9)} ${String(calls).padEnd(6)} ${ms.toFixed(0).padEnd(7)} ${Math.round(
          seen / (ms / 1000),
        )
          .toString()
          .padEnd(9)} ${(ms / calls).toFixed(1)}`,
      );
    }
  } finally {
    await emu.close();
  }
}

runBench(main);
