// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface RequestSpec {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    setupRequest?: (request: RequestSpec, context: Record<string, unknown>) => RequestSpec | null
  }

  export interface Options {
    url: string
    connections?: number
    pipelining?: number
    duration?: number
    timeout?: number
    sampleInt?: number
    headers?: Record<string, string>
    requests?: RequestSpec[]
  }

  export interface Result {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    requests: { total: number; average: number }
  }

  export interface Instance extends EventEmitter {
    stop(): void
  }

  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance
  export default autocannon
}
