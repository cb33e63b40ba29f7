// GET / and GET /console/... (no key): the ops console, a static page with its ES modules and
// its chart library. The page asks for the ops key and sends it (Bearer) with every call it makes
// to the /v1 API, which checks it there; nothing served here holds data.
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ConsoleAsset, ConsoleAssets } from './console-assets';

/** Scripts and styles from this origin only; calls to this origin only; no frames, no inline code. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

@ApiExcludeController()
@Controller()
export class OpsPageController {
  constructor(private readonly assets: ConsoleAssets) {}

  @Get()
  page(@Req() request: Request, @Res() response: Response): void {
    send(request, response, this.assets.get('index.html'));
  }

  @Get('console/:file')
  file(@Param('file') file: string, @Req() request: Request, @Res() response: Response): void {
    send(request, response, this.assets.get(file));
  }

  @Get('console/:folder/:file')
  nested(@Param('folder') folder: string, @Param('file') file: string, @Req() request: Request, @Res() response: Response): void {
    send(request, response, this.assets.get(`${folder}/${file}`));
  }
}

function send(request: Request, response: Response, asset: ConsoleAsset | undefined): void {
  if (!asset) {
    response.status(404).json({ error: 'no such file in the ops console', details: [] });
    return;
  }
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Cache-Control', 'no-cache');
  response.setHeader('ETag', asset.etag);
  if (request.headers['if-none-match'] === asset.etag) {
    response.status(304).end();
    return;
  }
  response.setHeader('Content-Type', asset.contentType);
  response.status(200).send(asset.body);
}
