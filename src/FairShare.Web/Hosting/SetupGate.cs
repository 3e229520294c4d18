using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace FairShare.Web.Hosting;

/// <summary>
/// The first-run set-up: open while the database holds no authority (found so at start-up, with the demo not loaded).
/// While open, every page sends people to /setup; /setup asks first for the setup token printed to the server's console
/// at start, so that whoever reaches the address first on the network cannot make themselves the administrator.
/// Once an authority exists the gate closes and /setup answers 404.
/// </summary>
public sealed class SetupGate
{
    public const string DraftCookie = "fairshare-setup";
    private const int MaxDrafts = 20;
    private static readonly TimeSpan DraftLife = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<string, SetupDraft> _drafts = new(StringComparer.Ordinal);
    private volatile bool _open;

    /// <summary>The setup token: 20 letters and digits in groups of four, shown on the console, never stored.</summary>
    public string Token { get; } = NewToken();

    public bool IsOpen => _open;

    public void Open() => _open = true;

    public void Close()
    {
        _open = false;
        foreach (var (key, draft) in _drafts)
        {
            if (!draft.Completed)
            {
                _drafts.TryRemove(key, out _);
            }
        }
    }

    /// <summary>Whether the token typed is the setup token (spaces, hyphens and case ignored; compared in constant time).</summary>
    public bool Accepts(string? typed)
    {
        var clean = new string((typed ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        var expected = Token.Replace("-", "", StringComparison.Ordinal);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(clean), Encoding.ASCII.GetBytes(expected));
    }

    /// <summary>A new draft for someone who gave the right token; its key goes in a cookie.</summary>
    public (string Key, SetupDraft Draft) StartDraft(DateTimeOffset now)
    {
        foreach (var (key, old) in _drafts)
        {
            if (now - old.StartedAt > DraftLife || _drafts.Count >= MaxDrafts)
            {
                _drafts.TryRemove(key, out _);
            }
        }
        var draftKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var draft = new SetupDraft { StartedAt = now };
        _drafts[draftKey] = draft;
        return (draftKey, draft);
    }

    public SetupDraft? DraftOf(HttpContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Cookies[DraftCookie] is { Length: > 0 } key && _drafts.TryGetValue(key, out var draft) && now - draft.StartedAt <= DraftLife
            ? draft : null;
    }

    private static string NewToken()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O or 1/I to misread from a console
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return string.Join('-', Enumerable.Range(0, 5).Select(i => new string(chars, i * 4, 4)));
    }
}

/// <summary>The answers given so far on the set-up pages, held in the server's memory only (never in a cookie), for 30 minutes.</summary>
public sealed class SetupDraft
{
    public DateTimeOffset StartedAt { get; init; }
    public string? Name { get; set; }
    public string? Code { get; set; }
    public int? YearStartMonth { get; set; }
    public string? AdminName { get; set; }
    public string? AdminEmail { get; set; }
    public string? Password { get; set; }
    public bool Completed { get; set; }
    public string? Message { get; set; }

    public bool HasCouncil => Name is not null && Code is not null && YearStartMonth is not null;
    public bool HasAdministrator => AdminName is not null && AdminEmail is not null && Password is not null;
}

/// <summary>While set-up is open, sends every page request to /setup (static files, health, status, help and the API pass).</summary>
public sealed class SetupRedirectMiddleware(RequestDelegate next, SetupGate gate)
{
    private static readonly string[] Passing = ["/setup", "/health", "/status", "/help", "/about", "/api", "/openapi", "/lib", "/assets", "/css", "/js"];

    public Task InvokeAsync(HttpContext context)
    {
        if (gate.IsOpen && !Passing.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)) && !Path.HasExtension(context.Request.Path.Value))
        {
            context.Response.Redirect("/setup");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
