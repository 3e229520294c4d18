namespace FairShare.Web.Hosting;

/// <summary>The <c>FairShare</c> section of configuration.</summary>
public sealed class FairShareOptions
{
    public const string Section = "FairShare";

    /// <summary>The port on 127.0.0.1 when no <c>urls</c> are configured.</summary>
    public int Port { get; set; } = 5000;

    /// <summary>The authority the site acts for until sign-in chooses it (code, e.g. NCC); the first authority when empty.</summary>
    public string? Authority { get; set; }

    /// <summary>Load the demo council into an empty embedded database at start-up.</summary>
    public bool LoadDemoWhenEmpty { get; set; } = true;
}
