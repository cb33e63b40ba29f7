// Every /v1 call needs `Authorization: Bearer <key>`: no key or an unknown one is 401; routes
// marked @OpsOnly() are 403 for platform keys. The principal is put on the request.
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiKeys, Principal } from './api-keys';

const OPS_ONLY = 'cbec:ops-only';
export const OpsOnly = () => SetMetadata(OPS_ONLY, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal);

@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly keys: ApiKeys,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('an Authorization: Bearer <key> header is required');
    const principal = this.keys.authenticate(match[1]);
    if (!principal) throw new UnauthorizedException('unknown API key');
    request.principal = principal;
    const opsOnly = this.reflector.getAllAndOverride<boolean>(OPS_ONLY, [context.getHandler(), context.getClass()]);
    if (opsOnly && !principal.isOps) throw new ForbiddenException('this call is for the ops key only');
    return true;
  }
}

/** A platform key sees only its own platform's orders; another platform's order is "not found". */
export function canSee(principal: Principal, platformId: string): boolean {
  return principal.isOps || principal.platformId === platformId;
}
