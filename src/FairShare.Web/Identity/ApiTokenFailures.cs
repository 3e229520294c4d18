using FairShare.Web.Hosting;

namespace FairShare.Web.Identity;

/// <summary>
/// Limits the guessing of API tokens per client address. The API's rate limit is per token, so a caller sending a
/// fresh made-up token each time would never meet it; here every refused token counts against its address, and
/// once an address has had <see cref="FairShareOptions.ApiTokenFailuresPerMinute"/> refusals in a minute, every
/// token it sends is answered 429 without being looked up until the minute is over.
/// </summary>
/// <remarks>Counts live in this instance's memory, as <see cref="SignInThrottle"/>'s do.</remarks>
public sealed class ApiTokenFailures(FairShareOptions options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private const int PruneAbove = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Count, DateTimeOffset Start)> _addresses = [];

    /// <summary>Null when this address may present a token now, else how long until it may.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_addresses.TryGetValue(address, out var failures) && now - failures.Start < Window && failures.Count >= options.ApiTokenFailuresPerMinute)
            {
                return failures.Start + Window - now;
            }
            return null;
        }
    }

    /// <summary>A token from this address was refused (unknown, revoked or expired).</summary>
    public void Failed(string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_addresses.Count >= PruneAbove)
            {
                foreach (var stale in _addresses.Where(a => now - a.Value.Start >= Window).Select(a => a.Key).ToArray())
                {
                    _addresses.Remove(stale);
                }
            }
            _addresses[address] = _addresses.TryGetValue(address, out var failures) && now - failures.Start < Window
                ? (failures.Count + 1, failures.Start)
                : (1, now);
        }
    }
}
