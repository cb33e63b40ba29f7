// GET / (no key): the ops page. It loads without a key and asks for the ops key, which it sends
// with its own calls to the /v1 API.
import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OPS_PAGE_HTML } from './ops-page.html';

@ApiExcludeController()
@Controller()
export class OpsPageController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  @Header('Content-Security-Policy', "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'")
  page(): string {
    return OPS_PAGE_HTML;
  }
}
