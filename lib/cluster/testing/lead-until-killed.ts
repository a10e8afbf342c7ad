/** A child process for the leadership test: holds `name` until it is killed, printing LEADING when it leads. */
import { holdLeadership } from '../hold-leadership';

const [databaseUrl = '', name = '', instanceId = ''] = process.argv.slice(2);
holdLeadership({
  databaseUrl,
  name,
  instanceId,
  intervalMs: 200,
  onGain: () => process.stdout.write('LEADING\n'),
  onLose: () => process.stdout.write('LOST\n'),
});
setInterval(() => undefined, 60_000);
