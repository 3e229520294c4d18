namespace FairShare.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> section of configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (the embedded default) or Postgres.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>For Postgres: an Npgsql connection string. For Sqlite: optional; by default a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Optional: the connection string of the role that owns the tables and runs the migrations (and loads the
    /// demo), when <see cref="ConnectionString"/> is an application role that owns nothing (scripts/postgres-roles.sql).
    /// Unset, migrations run as <see cref="ConnectionString"/>.
    /// </summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>Where the embedded database lives; <c>FAIRSHARE_DATA</c> in the environment overrides it.</summary>
    public string DataFolder { get; set; } = "data";

    public DatabaseProvider ParsedProvider => Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var p)
        ? p
        : throw new ConfigurationProblemException(
            $"Database:Provider is '{Provider}', which FairShare does not know; use Sqlite or Postgres.");

    public string SqliteFile => Path.GetFullPath(Path.Combine(DataFolder, "fairshare.db"));

    /// <summary>These options with the migration role's connection string as the connection string (a copy; unchanged when it is unset).</summary>
    public DatabaseOptions AsOwner() => string.IsNullOrWhiteSpace(MigrationConnectionString)
        ? this
        : new DatabaseOptions { Provider = Provider, ConnectionString = MigrationConnectionString, DataFolder = DataFolder };

    public string ResolveConnectionString() => ParsedProvider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={SqliteFile}" : ConnectionString,
        _ => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new ConfigurationProblemException("Database:Provider is Postgres but Database:ConnectionString is empty; set it to an Npgsql connection string.")
            : ConnectionString,
    };
}

/// <summary>Configuration that cannot work, said in one sentence the operator can act on.</summary>
public sealed class ConfigurationProblemException(string message) : Exception(message);
