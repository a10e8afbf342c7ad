/** telephony.externalLine.* (telephony-external-line-*.md): the app's lines, keyed by their string NUMBER. */
import { restErrors } from '../rest-error';
import type { MethodTable } from '../method-context';
import { param, stringParam } from '../method-context';
import type { ExternalLine, Portal } from '../types';

export function addLine(portal: Portal, number: string, name: string, crmAutoCreate: 'Y' | 'N'): ExternalLine {
  const line = { ID: portal.nextId++, NUMBER: number, NAME: name, CRM_AUTO_CREATE: crmAutoCreate };
  portal.lines.push(line);
  return line;
}

function yesNo(value: unknown, fallback: 'Y' | 'N'): 'Y' | 'N' {
  if (value === undefined || value === null || value === '') return fallback;
  return ['y', '1', 'true'].includes(String(value).toLowerCase()) ? 'Y' : 'N';
}

export const lineMethods: MethodTable = {
  'telephony.externalLine.add': {
    scope: 'telephony',
    handler: ({ portal, params }) => {
      const number = stringParam(params, 'NUMBER').trim();
      if (!number) throw restErrors.core('NUMBER should not be empty');
      if (portal.lines.some((line) => line.NUMBER === number)) throw restErrors.core('Line already exists');
      const line = addLine(portal, number, stringParam(params, 'NAME'), yesNo(param(params, 'CRM_AUTO_CREATE'), 'Y'));
      return { result: { ID: line.ID } };
    },
  },
  'telephony.externalLine.update': {
    scope: 'telephony',
    handler: ({ portal, params }) => {
      const number = stringParam(params, 'NUMBER').trim();
      if (!number) throw restErrors.core('NUMBER should not be empty');
      const line = portal.lines.find((item) => item.NUMBER === number);
      if (!line) throw restErrors.core(`Could not find line with number ${number}`);
      const name = param(params, 'NAME');
      const crm = param(params, 'CRM_AUTO_CREATE');
      if (name === undefined && crm === undefined) throw restErrors.core('There are no fields to update');
      if (name !== undefined) line.NAME = String(name);
      if (crm !== undefined) line.CRM_AUTO_CREATE = yesNo(crm, line.CRM_AUTO_CREATE);
      return { result: { ID: String(line.ID) } };
    },
  },
  'telephony.externalLine.delete': {
    scope: 'telephony',
    handler: ({ portal, params }) => {
      const number = stringParam(params, 'NUMBER').trim();
      if (!number) throw restErrors.core('NUMBER should not be empty');
      if (!portal.lines.some((line) => line.NUMBER === number)) {
        throw restErrors.core(`Could not find line with number ${number}`);
      }
      portal.lines = portal.lines.filter((line) => line.NUMBER !== number);
      return { result: [] };
    },
  },
  'telephony.externalLine.get': {
    scope: 'telephony',
    handler: ({ portal }) => ({
      result: portal.lines.map(({ NUMBER, NAME, CRM_AUTO_CREATE }) => ({ NUMBER, NAME, CRM_AUTO_CREATE })),
    }),
  },
};
