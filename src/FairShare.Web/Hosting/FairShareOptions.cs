namespace FairShare.Web.Hosting;

/// <summary>The <c>FairShare</c> section of configuration.</summary>
public sealed class FairShareOptions
{
    public const string Section = "FairShare";

    /// <summary>The port on 127.0.0.1 when no <c>urls</c> are configured.</summary>
    public int Port { get; set; } = 5000;

    /// <summary>Load the demo council into an empty embedded database at start-up.</summary>
    public bool LoadDemoWhenEmpty { get; set; } = true;

    /// <summary>Sign-in attempts allowed per client address per minute, beyond which it gets 429 Too Many Requests.
    /// Generous, because a council office signs in through one proxy; each account is slowed on its own (below).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 100;

    /// <summary>Sign-in attempts for one account before each further one must wait (see <c>SignInThrottle</c>).</summary>
    public int SignInFailuresBeforeSlowDown { get; set; } = 5;

    /// <summary>The first wait, in seconds, once an account is slowed; it doubles with each further wrong password, up to 15 minutes.</summary>
    public int SignInSlowDownSeconds { get; set; } = 30;

    /// <summary>Refused API tokens (unknown, revoked, expired) allowed per client address per minute; beyond them every token
    /// from that address is answered 429 with <c>Retry-After</c>, unchecked, until the minute is over.</summary>
    public int ApiTokenFailuresPerMinute { get; set; } = 30;

    /// <summary>Where people send feedback and report problems, shown on the help, feedback and accessibility pages.
    /// Empty: they are told to contact their FairShare administrator.</summary>
    public string? SupportEmail { get; set; }

    /// <summary>Where the data-protection keys (which protect sign-in cookies) are kept; share it between app instances.
    /// Default: a <c>keys</c> folder beside the embedded database.</summary>
    public string? KeysFolder { get; set; }

    /// <summary>A session ends after this many minutes without a request (default 60).</summary>
    public int SessionIdleMinutes { get; set; } = 60;

    /// <summary>A session ends this many hours after signing in, however busy (default 12: a long working day); then sign in again.</summary>
    public int SessionHours { get; set; } = 12;

    /// <summary>Addresses of the reverse proxies (TLS terminators, load balancers) whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed, e.g. <c>10.0.0.5</c>. Empty (and no <see cref="KnownNetworks"/>): those headers
    /// are ignored from everyone, loopback included.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>
/// The <c>Authentication:OpenIdConnect</c> section: sign-in through the council's own identity provider
/// (Microsoft Entra ID is common). People must still have a FairShare account (matched by email, or by the
/// provider's subject once linked), which holds their authority and roles.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "Authentication:OpenIdConnect";

    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0. Empty: local accounts only.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The button's words on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Sign in with your council account";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
