import { SetMetadata } from '@nestjs/common';
import { Request } from 'express';
import { Permission } from '@coprod/privacy';

/** A permission, or how to work it out from the request (a command's permission depends on its type). */
export type PermissionRule = Permission | ((request: Request) => Permission);

export const REQUIRED_PERMISSION = 'coprod:required-permission';
export const PUBLIC_ROUTE = 'coprod:public-route';

/** Declares the permission a route needs; the authentication guard refuses everyone else with 403. */
export const Requires = (rule: PermissionRule) => SetMetadata(REQUIRED_PERMISSION, rule);

/** Declares a route open to anyone, without a token (health checks only). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
