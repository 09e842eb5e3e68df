/**
 * The users page's strings (zh, en), spread into the main table in strings.ts. A key must not repeat
 * one there (the later one would silently win).
 */
export const USER_STRINGS = {
  you: ['我', 'you'],
  accountLocked: ['已锁定', 'Locked'],
  accountActive: ['正常', 'Active'],
  accountState: ['状态', 'State'],
  changeRole: ['修改角色', 'Change role'],
  unlock: ['解除锁定', 'Unlock'],
  resetPassword: ['重置密码', 'Reset password'],
  ownAccountHint: [
    '不能修改自己的角色；自己的密码在“账号与安全”页修改。',
    'You cannot change your own role; change your own password on Account & security.',
  ],
  newRole: ['新角色', 'New role'],
  chooseMerchant: ['请选择商家', 'Choose a merchant'],
  actionReason: ['理由（记入审计日志）', 'Reason (kept in the audit log)'],
  actionReasonHint: [
    '例如：工单编号、谁提出的请求、为什么需要。',
    'E.g. the ticket number, who asked, and why it is needed.',
  ],
  nextStep: ['下一步', 'Next'],
  confirmRole: ['把 {{name}} 的角色从“{{from}}”改为“{{to}}”？', 'Change {{name}} from “{{from}}” to “{{to}}”?'],
  confirmMerchant: ['商家：{{merchant}}。', 'Merchant: {{merchant}}.'],
  confirmMove: ['把 {{name}} 从“{{from}}”调到“{{to}}”？', 'Move {{name}} from “{{from}}” to “{{to}}”?'],
  roleEndsSessions: [
    '此账号的所有登录会立即结束，需要重新登录。',
    'Every session of this account ends at once; they sign in again.',
  ],
  roleNeedsApproval: [
    '授予审核员或管理员角色须由另一位管理员批准：提交后出现在“待批准”页，批准后才生效。',
    'Granting a moderator or admin role needs a second admin: it waits on the Approvals page and takes effect once approved.',
  ],
  confirmUnlock: [
    '解除 {{name}} 的登录锁定？对方可以立即再次尝试登录。',
    'Lift the sign-in lockout of {{name}}? They can try to sign in again at once.',
  ],
  confirmReset: [
    '为 {{name}} 生成一个临时密码？对方的所有登录会结束，登录锁定也会解除。',
    'Issue a temporary password for {{name}}? All their sessions end and any lockout is lifted.',
  ],
  roleChanged: ['角色已修改，对方的登录已结束。', 'Role changed; their sessions have ended.'],
  unlocked: ['已解除锁定。', 'Unlocked.'],
  wasNotLocked: [
    '该账号没有被锁定；操作已记入审计日志。',
    'The account was not locked; the action is in the audit log.',
  ],
  temporaryPassword: [
    '临时密码（只显示这一次，请通过安全渠道交给对方）：',
    'Temporary password (shown only once; pass it on securely):',
  ],
  close: ['关闭', 'Close'],
  goToApprovals: ['查看待批准', 'Open Approvals'],
  roleUnchanged: ['请选择一个不同的角色或商家。', 'Choose a different role or merchant.'],
  reasonMissing: ['请写明理由。', 'Give a reason.'],
} satisfies Record<string, readonly [string, string]>;
