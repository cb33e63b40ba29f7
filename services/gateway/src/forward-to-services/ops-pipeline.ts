// The ops service's part of the overview (GET /v1/ops/pipeline: consumer lag, dead letters not
// replayed), asked with the caller's key. When ops does not answer, lag is unknown and no dead
// letters are counted, and the overview still shows the read model's counts.
import { Injectable } from '@nestjs/common';
import { forwardedServiceUrls } from './forwarded-services';

export interface OpsPipeline {
  consumerLag: { consumerGroup: string; lag: number | null; topics: { topic: string; lag: number }[] }[];
  deadLetters: { count: number };
}

@Injectable()
export class OpsPipelineClient {
  private readonly url = `${forwardedServiceUrls().ops}/v1/ops/pipeline`;

  async read(authorization: string): Promise<OpsPipeline> {
    try {
      const response = await fetch(this.url, { headers: { authorization } });
      if (response.status === 200) return (await response.json()) as OpsPipeline;
    } catch {
      // not answering: below
    }
    return { consumerLag: [], deadLetters: { count: 0 } };
  }
}
