// A transport that answers from a script and records every attempt, for policy and client tests.
import type { PipelineRequest, PipelineResponse, Transport } from "../../../provider/client/pipeline/types";
import { TransportError } from "../../../provider/client/pipeline/types";

export type Step =
  | Partial<PipelineResponse>
  | { networkError: string }
  | ((request: PipelineRequest) => Partial<PipelineResponse> | Promise<Partial<PipelineResponse>>);

export interface Scripted {
  transport: Transport;
  requests: PipelineRequest[];
}

/** Answers with the steps in order; the last step repeats. */
export function scripted(...steps: Step[]): Scripted {
  const requests: PipelineRequest[] = [];
  const transport: Transport = async (request) => {
    requests.push(request);
    const step = steps[Math.min(requests.length - 1, steps.length - 1)];
    if (typeof step === "object" && step !== null && "networkError" in step)
      throw new TransportError(step.networkError, `scripted ${step.networkError}`);
    const answer = typeof step === "function" ? await step(request) : step;
    return { status: answer.status ?? 200, headers: answer.headers ?? {}, body: answer.body };
  };
  return { transport, requests };
}

export function baseRequest(overrides: Partial<PipelineRequest> = {}): PipelineRequest {
  return {
    method: "GET",
    url: "https://pc.test/v1/customers",
    headers: {},
    operation: "test.op",
    credential: "app",
    ...overrides,
  };
}

/** Records sleeps instead of waiting. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
}
