using FairShare.Persistence;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: FairShare.MigrationTool MigrationName");
    return 2;
}

var projectDir = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/FairShare.Persistence"));
var providers = new (string Provider, string? ConnectionString, string Folder)[]
{
    ("Sqlite", "Data Source=:memory:", "Sqlite"),
    ("Postgres", "Host=localhost;Database=design", "Postgres"),
};
foreach (var (provider, connectionString, folder) in providers)
{
    using var db = DatabaseRegistration.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
    var reporter = new OperationReporter(new OperationReportHandler(
        Console.Error.WriteLine, Console.Error.WriteLine, Console.WriteLine, _ => { }));
    var services = new DesignTimeServicesBuilder(typeof(FairShareDbContext).Assembly, typeof(Program).Assembly, reporter, [])
        .Build(db);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[0], "FairShare.Persistence", $"Migrations.{folder}", "C#");
    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations", folder));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}
return 0;
