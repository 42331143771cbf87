import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { freePort } from './postgres-server';
import { ImapFlow } from 'imapflow';

const DOVECOT = '/usr/sbin/dovecot';
const POSTFIX = '/usr/sbin/postfix';

export interface MailUser {
  address: string;
  password: string;
}

export interface MailServers {
  imap: { host: string; port: number };
  /** Postfix: authenticated submission (SASL through Dovecot), local domains relayed into Dovecot's LMTP. */
  smtp: { host: string; port: number };
  lmtp: { host: string; port: number };
  users: { info: MailUser; burger: MailUser };
  /** Hands a raw message straight to Dovecot over LMTP (no Postfix), for `to`. */
  deliver(raw: string | Buffer, to: string | string[], from?: string): Promise<void>;
  /** Stops Postfix and Dovecot and removes the temp folder. */
  stop(): Promise<void>;
}

/**
 * Why the mail servers cannot run here (missing Debian packages, not root), or null when they can. Tests skip
 * with this message locally; in CI (`CI=true`) {@link startMailServers} throws instead.
 */
export function mailServersUnavailable(): string | null {
  if (!existsSync(DOVECOT)) return 'Dovecot is not installed (apt-get install dovecot-imapd dovecot-lmtpd)';
  if (!existsSync(POSTFIX)) return 'Postfix is not installed (apt-get install postfix)';
  if (process.getuid?.() !== 0) return 'the mail servers run as root (Dovecot and Postfix drop privileges themselves)';
  return null;
}

/** Waits until 127.0.0.1:port accepts connections (`open`) or refuses them (`!open`); throws after `timeoutMs`. */
async function waitForPort(port: number, open = true, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const accepts = await new Promise<boolean>((resolve) => {
      const s = connect({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (accepts === open) return;
    if (Date.now() > deadline) throw new Error(`127.0.0.1:${port} still ${open ? 'closed' : 'open'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The uid of a user, or with '-g' the primary gid of a user; `groupId`: the gid of a group. */
const idOf = (flag: '-u' | '-g', name: string) => Number(execFileSync('id', [flag, name]).toString().trim());
const groupId = (name: string) => Number(execFileSync('getent', ['group', name]).toString().split(':')[2]);

/**
 * Creates Postfix's queue directories as its postfix-files lists them and marks the queue for a quick start:
 * `postfix start` then skips its integrity checks, which take about 5 s here.
 */
function postfixQueue(queue: string): void {
  const owner = idOf('-u', 'postfix');
  const drop = groupId('postdrop');
  for (const d of ['active', 'bounce', 'corrupt', 'defer', 'deferred', 'flush', 'hold', 'incoming', 'private', 'saved', 'trace']) {
    mkdirSync(join(queue, d), { mode: 0o700 });
    chownSync(join(queue, d), owner, 0);
  }
  mkdirSync(join(queue, 'maildrop'), { mode: 0o730 });
  chownSync(join(queue, 'maildrop'), owner, drop);
  mkdirSync(join(queue, 'public'), { mode: 0o710 });
  chownSync(join(queue, 'public'), owner, drop);
  mkdirSync(join(queue, 'pid'), { mode: 0o755 });
  writeFileSync(join(queue, 'quick-start'), '');
}

function dovecotConf(dir: string, p: { imap: number; lmtp: number }): string {
  // Dovecot 2.3 syntax; a line break after every `{`. Plaintext logins are allowed: loopback only, tests only.
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = regie-test-${p.imap}
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
log_path = ${dir}/dovecot.log
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:~/Maildir
mailbox_idle_check_interval = 1 secs
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%Lu ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%Lu ${dir}/passwd
}
namespace inbox {
  inbox = yes
  separator = /
}
protocol imap {
  mail_max_userip_connections = 50
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${p.imap}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${p.lmtp}
  }
  unix_listener lmtp {
    mode = 0
  }
}
service auth {
  unix_listener auth-client {
    mode = 0666
  }
  unix_listener auth-userdb {
    mode = 0600
  }
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
}

function postfixMainCf(dir: string, p: { lmtp: number }, domains: string[]): string {
  // Only the local test domains are delivered (into Dovecot's LMTP); anything else fails at once: no mail may leave.
  return `compatibility_level = 3.6
queue_directory = ${dir}/postfix/queue
data_directory = ${dir}/postfix/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.regie.test
mydomain = regie.test
myorigin = regie.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
maillog_file = ${dir}/postfix/postfix.log
maillog_file_prefixes = ${dir}
smtputf8_enable = no
biff = no
relayhost =
smtpd_peername_lookup = no
lmtp_host_lookup = native
smtp_host_lookup = native
default_transport = error:no mail leaves the test servers
relay_transport = error:no mail leaves the test servers
smtpd_banner = $myhostname ESMTP
virtual_mailbox_domains = ${domains.join(' ')}
virtual_mailbox_maps = texthash:${dir}/postfix/etc/vmailbox
virtual_transport = lmtp:inet:127.0.0.1:${p.lmtp}
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = ${dir}/run/auth-client
smtpd_tls_security_level = none
smtp_tls_security_level = none
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions = permit_sasl_authenticated, reject_unauth_destination
`;
}

function postfixMasterCf(port: number): string {
  const rows = [
    `127.0.0.1:${port} inet n - n - - smtpd`,
    'pickup unix n - n 60 1 pickup',
    'cleanup unix n - n - 0 cleanup',
    'qmgr unix n - n 300 1 qmgr',
    'rewrite unix - - n - - trivial-rewrite',
    'bounce unix - - n - 0 bounce',
    'defer unix - - n - 0 bounce',
    'trace unix - - n - 0 bounce',
    'verify unix - - n - 1 verify',
    'flush unix n - n 1000? 0 flush',
    'proxymap unix - - n - - proxymap',
    'showq unix n - n - - showq',
    'error unix - - n - - error',
    'retry unix - - n - - error',
    'discard unix - - n - - discard',
    'lmtp unix - - n - - lmtp',
    'anvil unix - - n - 1 anvil',
    'scache unix - - n - 1 scache',
    'postlog unix-dgram n - n - 1 postlogd',
  ];
  return rows.join('\n') + '\n';
}

/**
 * Starts Dovecot (IMAP + LMTP) and then Postfix (SMTP with SASL through Dovecot, relaying the local test domains
 * into Dovecot's LMTP) from configs in a temp folder, on free loopback ports, as root, without touching the
 * system's own services. Two users: info@gemeente.test (the organization's mailbox) and burger@example.test.
 * Throws when the binaries are missing (check {@link mailServersUnavailable} first to skip outside CI).
 */
export async function startMailServers(): Promise<MailServers> {
  const missing = mailServersUnavailable();
  if (missing) throw new Error(`Mail servers unavailable: ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), 'regie-mail-'));
  chmodSync(dir, 0o755);
  const [imapPort, lmtpPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const users = {
    info: { address: 'info@gemeente.test', password: 'info-mailbox-secret' },
    burger: { address: 'burger@example.test', password: 'burger-mailbox-secret' },
  };
  const uid = idOf('-u', 'nobody');
  const gid = idOf('-g', 'nobody');
  for (const d of ['run', 'state', 'mail', 'postfix/etc', 'postfix/queue', 'postfix/data']) mkdirSync(join(dir, d), { recursive: true });
  chownSync(join(dir, 'mail'), uid, gid);
  chownSync(join(dir, 'postfix/data'), idOf('-u', 'postfix'), idOf('-g', 'postfix'));
  chmodSync(join(dir, 'postfix/data'), 0o700);
  const passwd = Object.values(users)
    .map((u) => `${u.address}:{PLAIN}${u.password}:${uid}:${gid}::${dir}/mail/${u.address}::`)
    .join('\n');
  writeFileSync(join(dir, 'passwd'), passwd + '\n', { mode: 0o640 });
  chownSync(join(dir, 'passwd'), 0, groupId('dovecot'));
  writeFileSync(join(dir, 'dovecot.conf'), dovecotConf(dir, { imap: imapPort, lmtp: lmtpPort }));
  const etc = join(dir, 'postfix/etc');
  const domains = [...new Set(Object.values(users).map((u) => u.address.split('@')[1]!))];
  writeFileSync(join(etc, 'main.cf'), postfixMainCf(dir, { lmtp: lmtpPort }, domains));
  writeFileSync(join(etc, 'master.cf'), postfixMasterCf(smtpPort));
  writeFileSync(join(etc, 'vmailbox'), Object.values(users).map((u) => `${u.address} ok`).join('\n') + '\n');

  let dovecot: ChildProcess | null = null;
  let postfixStarted = false;
  const stop = async () => {
    if (postfixStarted) spawnSync(POSTFIX, ['-c', etc, 'stop'], { encoding: 'utf8', timeout: 30_000 });
    if (dovecot && dovecot.exitCode === null) {
      const exited = new Promise((r) => dovecot!.once('exit', r));
      dovecot.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      await waitForPort(imapPort, false).catch(() => {});
    }
    if (postfixStarted) await waitForPort(smtpPort, false).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // In the foreground (-F), as our child: its pid is ours to stop, and it never holds our pipes open.
    dovecot = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
    await waitForPort(imapPort);
    await waitForPort(lmtpPort);
    postfixQueue(join(dir, 'postfix/queue'));
    postfixStarted = true;
    const r = spawnSync(POSTFIX, ['-c', etc, 'start'], { encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`postfix start failed: ${r.stderr || r.stdout}`);
    await waitForPort(smtpPort);
  } catch (e) {
    const log = existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
    await stop();
    throw new Error(`${(e as Error).message}\n${log}`);
  }
  const lmtp = nodemailer.createTransport({ lmtp: true, host: '127.0.0.1', port: lmtpPort });
  return {
    imap: { host: '127.0.0.1', port: imapPort },
    smtp: { host: '127.0.0.1', port: smtpPort },
    lmtp: { host: '127.0.0.1', port: lmtpPort },
    users,
    async deliver(raw, to, from = 'sender@example.test') {
      await lmtp.sendMail({ envelope: { from, to: Array.isArray(to) ? to : [to] }, raw });
    },
    async stop() {
      lmtp.close();
      await stop();
    },
  };
}

/** Raw messages in `u`'s `folder` whose headers match `header` (e.g. `{ 'message-id': id }`), read as `u` over IMAP. */
export async function messagesIn(imap: MailServers['imap'], u: MailUser, folder: string, header: Record<string, string>): Promise<Buffer[]> {
  const c = new ImapFlow({ host: imap.host, port: imap.port, secure: false, auth: { user: u.address, pass: u.password }, logger: false });
  await c.connect();
  try {
    const lock = await c.getMailboxLock(folder);
    try {
      const uids = (await c.search({ header }, { uid: true })) || [];
      const out: Buffer[] = [];
      for (const uid of uids) {
        const m = await c.fetchOne(String(uid), { source: true }, { uid: true });
        if (m && m.source) out.push(m.source);
      }
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await c.logout();
  }
}
