using FairShare.Features.Demo;
using FairShare.Persistence;

namespace FairShare.Web.Hosting;

/// <summary>
/// Demo mode — the demo sign-in page listing every account — is on only when FairShare runs on the embedded
/// SQLite database holding the demo. A PostgreSQL (production) configuration never has it.
/// </summary>
public sealed class DemoMode(DatabaseOptions database, DemoDatabase demo)
{
    public async Task<bool> IsOnAsync() =>
        database.ParsedProvider == DatabaseProvider.Sqlite && await demo.IsLoadedAsync();
}
