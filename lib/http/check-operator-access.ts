import { tokensEqual } from '../bitrix24/events/verify-application-token';
import { AppError } from '../errors/app-error';

export const OPERATOR_TOKEN_HEADER = 'x-operator-token';

export type CheckOperatorAccessOptions = {
  /** Whether Bitrix24 app keys are configured: then portals' admins use the app, and none of them is the operator. */
  bitrix24Configured: boolean;
  /** OPERATOR_TOKEN, if configured. */
  operatorToken: string | undefined;
};

/**
 * Whether a request may change what every portal routes by (the registry, the ported set): only the installation's
 * operator may. Without app keys the installation is standalone and whoever runs it is the operator; with them, only a
 * request carrying the configured operator token is (compared in constant time). A portal admin's rights never count:
 * they are rights over one portal.
 */
export function checkOperatorAccess(request: Request, options: CheckOperatorAccessOptions): void {
  const given = request.headers.get(OPERATOR_TOKEN_HEADER)?.trim() ?? '';
  if (given && options.operatorToken) {
    if (tokensEqual(options.operatorToken, given)) return;
    throw new AppError('FORBIDDEN', 'error.operatorTokenWrong');
  }
  if (!options.bitrix24Configured) return;
  throw new AppError('FORBIDDEN', 'error.operatorOnly');
}
