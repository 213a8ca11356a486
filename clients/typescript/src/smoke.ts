// End-to-end smoke test of a running Ticketing API through the generated client:
// register -> login -> me -> refresh -> logout -> the token no longer works.
//
//   TICKETING_API_URL=http://127.0.0.1:8080 npm run smoke
//
// Uses only the generated client and Node built-ins (global fetch, node:crypto).
import { randomUUID } from 'node:crypto';
import {
    ApiException,
    AuthClient,
    LoginCommand,
    RefreshTokenCommand,
    RegisterCommand,
} from './ticketing-client.js';

/** What the generated clients accept as their second constructor argument. */
interface HttpTransport {
    fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

// The generated clients append paths that start with "/" to the base URL, so drop trailing slashes.
const baseUrl = (process.env.TICKETING_API_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');

/** A fetch wrapper that adds `Authorization: Bearer <token>` whenever a token is known. */
function bearerTransport(currentToken: () => string | undefined): HttpTransport {
    return {
        fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
            const headers = new Headers(init?.headers);
            const token = currentToken();
            if (token) {
                headers.set('Authorization', `Bearer ${token}`);
            }
            return fetch(url, { ...init, headers });
        },
    };
}

class SmokeFailure extends Error {}

function assert(condition: unknown, message: string): asserts condition {
    if (!condition) {
        throw new SmokeFailure(message);
    }
}

async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
    try {
        const result = await action();
        console.log(`ok   ${name}`);
        return result;
    } catch (error) {
        console.log(`FAIL ${name}`);
        throw error;
    }
}

/** Runs `action`, which must fail with the given HTTP status. */
async function expectStatus(status: number, action: () => Promise<unknown>): Promise<void> {
    try {
        await action();
    } catch (error) {
        if (ApiException.isApiException(error)) {
            assert(error.status === status, `expected HTTP ${status}, got ${error.status}: ${error.response}`);
            return;
        }
        throw error;
    }
    throw new SmokeFailure(`expected HTTP ${status}, but the call succeeded`);
}

function describe(error: unknown): string {
    if (error instanceof SmokeFailure) {
        return error.message;
    }
    if (ApiException.isApiException(error)) {
        return `HTTP ${error.status} ${error.message}: ${error.response}`;
    }
    if (error instanceof Error) {
        const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
        return `${error.name}: ${error.message}${cause}`;
    }
    return String(error);
}

async function main(): Promise<void> {
    console.log(`Smoke test against ${baseUrl}`);

    let accessToken: string | undefined;
    const auth = new AuthClient(baseUrl, bearerTransport(() => accessToken));

    const email = `smoke-${randomUUID()}@example.com`;
    const password = `smoke-${randomUUID()}`;

    const registered = await step(`register ${email}`, async () => {
        const result = await auth.register(new RegisterCommand({ email, password, displayName: 'Smoke Test' }));
        assert(result.userId, 'register returned no userId');
        return result;
    });

    const loginPair = await step('login', async () => {
        const pair = await auth.login(new LoginCommand({ email, password }));
        assert(pair.accessToken, 'login returned no accessToken');
        assert(pair.refreshToken, 'login returned no refreshToken');
        assert(pair.expiresIn > 0, `login returned expiresIn ${pair.expiresIn}`);
        assert(pair.tokenType?.toLowerCase() === 'bearer', `login returned tokenType ${pair.tokenType}`);
        return pair;
    });
    accessToken = loginPair.accessToken;

    await step('getCurrentUser returns the new customer', async () => {
        const me = await auth.getCurrentUser();
        assert(me.email.toLowerCase() === email.toLowerCase(), `me.email is ${me.email}, expected ${email}`);
        assert(me.id === registered.userId, `me.id is ${me.id}, expected ${registered.userId}`);
        assert(me.roles.includes('Customer'), `me.roles is [${me.roles.join(', ')}], expected Customer`);
    });

    const refreshedPair = await step('refresh returns a new token pair', async () => {
        const pair = await auth.refresh(new RefreshTokenCommand({ refreshToken: loginPair.refreshToken }));
        assert(pair.accessToken, 'refresh returned no accessToken');
        assert(pair.accessToken !== loginPair.accessToken, 'refresh returned the same accessToken');
        assert(pair.refreshToken && pair.refreshToken !== loginPair.refreshToken, 'refresh did not rotate the refreshToken');
        return pair;
    });
    accessToken = refreshedPair.accessToken;

    await step('logout', () => auth.logout());

    // Logout revokes the session, so every access token issued for it stops working at once.
    await step('getCurrentUser with the logged-out token fails with 401', () =>
        expectStatus(401, () => auth.getCurrentUser()));
    accessToken = loginPair.accessToken;
    await step('getCurrentUser with the original login token fails with 401', () =>
        expectStatus(401, () => auth.getCurrentUser()));
}

main().then(
    () => console.log('Smoke test passed'),
    (error: unknown) => {
        console.error(`Smoke test failed: ${describe(error)}`);
        process.exitCode = 1;
    });
