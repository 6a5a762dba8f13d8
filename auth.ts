import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getUserForLogin } from '@/db/queries/users';
import { clientIpFrom } from '@/lib/actions/client-ip';
import { verifyPassword } from '@/lib/auth/password';
import { loginSchema } from '@/lib/auth/schema';
import { countLoginAttempt, loginSucceeded } from '@/lib/auth/throttle';
import { appSecret } from '@/lib/secret';

/** Too many failures for this address or IP; `code` carries the minutes to wait. */
export class LoginThrottled extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `throttled:${minutes}`;
  }
}

declare module 'next-auth' {
  interface Session {
    sessionVersion?: number;
  }
}

// A function, so the secret is read when a request needs it, never while the site is being built.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: appSecret(),
  session: { strategy: 'jwt', maxAge: 8 * 3600 },
  pages: { signIn: '/editor/login' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = clientIpFrom(request.headers);
        const waitSeconds = await countLoginAttempt(email, ip);
        if (waitSeconds > 0) throw new LoginThrottled(Math.ceil(waitSeconds / 60));
        const user = await getUserForLogin(email);
        // Unknown, wrong and deactivated all look the same from outside.
        const valid = (await verifyPassword(user?.passwordHash, password)) && user?.active === true;
        if (!valid || !user) return null;
        await loginSucceeded(email, ip);
        return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === 'number' ? token.sv : -1;
      return session;
    },
  },
}));
