using FairShare.Web.Hosting;

namespace FairShare.Web.Identity;

/// <summary>
/// Slows the guessing of one account's password without locking its owner out. The first few attempts for an
/// account are free; after them each attempt must wait, 30 seconds at first and twice as long after each further
/// wrong password, up to 15 minutes. An attempt that comes too soon is answered without checking the password,
/// so guessing is held to a few dozen tries a day while the owner is never shut out for long. A right password
/// clears the account's count.
/// </summary>
/// <remarks>
/// Every attempt counts when it starts, not when its password is found wrong, so attempts sent in parallel cannot
/// slip through together. Unknown email addresses count like real ones, so the answer says nothing of which
/// accounts exist. The counts live in this instance's memory: behind several instances an account gets the free
/// attempts once per instance.
/// </remarks>
public sealed class SignInThrottle(FairShareOptions options, TimeProvider clock)
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>How long an account's count is remembered after its last attempt.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromHours(24);

    private const int PruneAbove = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Attempts> _accounts = new(StringComparer.OrdinalIgnoreCase);

    private sealed record Attempts(int Count, DateTimeOffset Last);

    /// <summary>Starts an attempt for this account: null when it may go ahead, or how long to wait before the next one.</summary>
    public TimeSpan? TryBegin(string email)
    {
        var key = email.Trim();
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_accounts.TryGetValue(key, out var attempts) && now - attempts.Last >= Memory)
            {
                attempts = null;
            }
            var count = attempts?.Count ?? 0;
            if (attempts is not null && count >= options.SignInFailuresBeforeSlowDown)
            {
                var wait = attempts.Last + WaitAfter(count) - now;
                if (wait > TimeSpan.Zero)
                {
                    return wait;
                }
            }
            if (_accounts.Count >= PruneAbove)
            {
                Prune(now);
            }
            _accounts[key] = new Attempts(count + 1, now);
            return null;
        }
    }

    /// <summary>The right password: the account starts afresh.</summary>
    public void Succeeded(string email)
    {
        lock (_lock)
        {
            _accounts.Remove(email.Trim());
        }
    }

    /// <summary>The wait before the next attempt once an account has had this many: doubling from the first wait, at most <see cref="LongestWait"/>.</summary>
    public TimeSpan WaitAfter(int attempts)
    {
        var doublings = Math.Min(attempts - options.SignInFailuresBeforeSlowDown, 20);
        var seconds = options.SignInSlowDownSeconds * Math.Pow(2, Math.Max(doublings, 0));
        return TimeSpan.FromSeconds(Math.Min(seconds, LongestWait.TotalSeconds));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var stale in _accounts.Where(a => now - a.Value.Last >= Memory).Select(a => a.Key).ToArray())
        {
            _accounts.Remove(stale);
        }
    }
}
