using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using FairShare.Domain.Access;
using FairShare.Features;
using FairShare.Features.Demo;
using FairShare.Persistence;
using FairShare.Web.Api;
using FairShare.Web.Identity;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.FileProviders;

namespace FairShare.Web.Hosting;

/// <summary>Builds and runs the web app. The web project's Program, the CLI's serve command and the tests all start it here.</summary>
public static class FairShareWebApp
{
    public const string ApiPolicy = "api";
    public const string SignInRateLimit = "sign-in";
    public const string ApiRateLimit = "api";

    /// <summary>
    /// Believes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the configured proxies, so that behind a TLS
    /// proxy cookies are marked Secure and rate limits see the client's address, and no one else can claim either.
    /// </summary>
    private static void UseForwardedHeadersFromKnownProxies(WebApplication app, FairShareOptions options)
    {
        if (options.KnownProxies.Length == 0 && options.KnownNetworks.Length == 0)
        {
            return;
        }
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in options.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"FairShare:KnownProxies: '{proxy}' is not an IP address (for example 10.0.0.5)."));
        }
        foreach (var network in options.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"FairShare:KnownNetworks: '{network}' is not a network in CIDR form (for example 10.0.0.0/24)."));
        }
        app.UseForwardedHeaders(forwarded);
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FairShareWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        configure?.Invoke(builder);

        var database = DatabaseOptionsFrom(builder.Configuration);
        var options = builder.Configuration.GetSection(FairShareOptions.Section).Get<FairShareOptions>() ?? new FairShareOptions();
        var oidc = builder.Configuration.GetSection(OpenIdConnectSettings.Section).Get<OpenIdConnectSettings>() ?? new OpenIdConnectSettings();
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        }
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = BadRequestBodyHandler.MaxRequestBytes);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(oidc);
        builder.Services.AddSingleton(database);
        builder.Services.AddFairShare(database);
        builder.Services.AddScoped<DemoMode>();
        builder.Services.AddSingleton<SetupGate>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddScoped<PasswordCheck>();
        builder.Services.AddSingleton<ApiTokenFailures>();
        builder.Services.AddDataProtection()
            .SetApplicationName("FairShare")
            // Authenticated encryption for new keys (AES-256-CBC with HMAC is the framework's default, and legacy in
            // ASVS 5.0's appendix C); cookies protected by earlier keys still read.
            .UseCryptographicAlgorithms(new Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel.AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ValidationAlgorithm.HMACSHA256,
            })
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysFolder ?? Path.Combine(Path.GetFullPath(database.DataFolder), "keys")));

        AddSignIn(builder.Services, oidc, options);
        builder.Services.AddRazorPages(o =>
        {
            // Every form post carries the antiforgery token, except the status page's: a refused post is re-executed
            // there, and it must still say why (a form the framework cannot read at all, with a NUL in a field, included).
            o.Conventions.AddFolderApplicationModelConvention("/", page =>
            {
                if (page.ViewEnginePath != "/Status")
                {
                    page.Filters.Add(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute());
                }
            });
            o.Conventions.ConfigureFilter(new UnknownHandlerFilter());
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/Demo");
            o.Conventions.AllowAnonymousToPage("/Status");
            o.Conventions.AllowAnonymousToPage("/SignOut");
            o.Conventions.AllowAnonymousToPage("/ResetPassword");
            // Help and the footer's pages (accessibility, privacy, cookies) are for anyone, signed in or not.
            o.Conventions.AllowAnonymousToFolder("/Help");
            o.Conventions.AllowAnonymousToFolder("/About");
            // The first-run set-up: no one has an account yet. Its posts are limited as sign-in's are, and it asks for the setup token.
            o.Conventions.AllowAnonymousToFolder("/Setup");
            o.Conventions.AddFolderApplicationModelConvention("/Setup",
                page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(SignInRateLimit)));
        }).AddMvcOptions(o =>
        {
            // A number field that cannot be read says so in the GOV.UK way, by its label's words, not the property's name.
            o.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((value, field) => $"Enter {field} in figures: '{value}' is not a number.");
            o.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(_ => "Enter a number: this cannot be left empty.");
        });
        // The antiforgery cookie is Secure whenever the request came over HTTPS (through a known proxy too), as the session cookie is.
        builder.Services.AddAntiforgery(a => a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts (form posts) per address and minute, generous so that an office behind one proxy is not
            // shut out at 9 am; each account is slowed on its own by SignInThrottle. Reading the page is not limited.
            r.AddPolicy(SignInRateLimit, context => context.Request.Method == HttpMethods.Get
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            r.AddPolicy(ApiRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Request.Headers.Authorization.ToString() is { Length: > 0 } token ? ApiToken.HashOf(token) : context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) }));
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestBodyHandler>();
        // A body the API cannot bind throws, so BadRequestBodyHandler can answer with ProblemDetails naming the field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "FairShare API";
            doc.Info.Description = "The catalogue, cost centres, budgets, API tokens and audit log of one authority. " +
                "Authenticate with an API token: Authorization: Bearer fs_…";
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // Enums are read by SlugEnumConverter, which the schema generator cannot see into: document its words.
            if (context.JsonTypeInfo.Type.IsEnum)
            {
                schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
                schema.Format = null;
                schema.Enum = [.. Enum.GetValues(context.JsonTypeInfo.Type).Cast<Enum>()
                    .Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.JsonSerializer.SerializeToNode(v, context.JsonTypeInfo.Type, FairShareJson.Compact)!)];
            }
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(o => FairShareJson.Configure(o.SerializerOptions));

        builder.Services.AddOperations();

        var app = builder.Build();
        UseForwardedHeadersFromKnownProxies(app, options);
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // A page's bare 403 or 404 (a use case's forbidden or not found) is re-executed as the status page, with the outcome's sentence.
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseExceptionHandler();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, "lib", "assets")),
            RequestPath = "/assets",
        });
        app.UseStaticFiles();
        app.UseMiddleware<SetupRedirectMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TenantMiddleware>();
        app.UseAntiforgery();
        app.MapOperations();
        app.MapOpenApi().AllowAnonymous();
        app.MapFairShareApi();
        app.MapRazorPages();
        if (oidc.IsConfigured)
        {
            app.MapGet("/sign-in/external", () => Results.Challenge(new() { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]))
                .AllowAnonymous().RequireRateLimiting(SignInRateLimit).ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>Local accounts through ASP.NET Core Identity (cookies for pages), API tokens for machines, OpenID Connect when configured.</summary>
    private static void AddSignIn(IServiceCollection services, OpenIdConnectSettings oidc, FairShareOptions options)
    {
        services.AddIdentityCore<UserAccount>(o =>
            {
                // No lockout after wrong passwords (anyone who knows a colleague's email could lock them out):
                // SignInThrottle slows guessing instead. An account an administrator locks stays locked.
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
            })
            .AddUserStore<UserAccountStore>()
            .AddClaimsPrincipalFactory<FairShareClaimsFactory>()
            .AddSignInManager();
        var authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        authentication.AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(c =>
        {
            c.LoginPath = "/sign-in";
            c.LogoutPath = "/sign-out";
            c.AccessDeniedPath = "/status/403";
            c.Cookie.Name = "fairshare";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Lax;
            c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            c.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionIdleMinutes);
            c.SlidingExpiration = true;
            // Every request, not Identity's default of every 30 minutes: sign-out, a lock or a new password ends a session at once.
            c.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            c.Events.OnSigningIn = LastSignIn.RecordAsync;
        }));
        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.SignInScheme = IdentityConstants.ApplicationScheme;
                o.Scope.Add("email");
                o.Events.OnTokenValidated = ExternalSignIn.MapToFairShareAccountAsync;
                o.Events.OnRemoteFailure = ExternalSignIn.RefusedAsync;
            });
        }
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireAuthenticatedUser());
    }

    public static DatabaseOptions DatabaseOptionsFrom(IConfiguration configuration) =>
        DatabaseOptionsFrom(configuration, Environment.GetEnvironmentVariable("FAIRSHARE_DATA"));

    /// <summary>Database:DataFolder when it is set (command line, environment), else FAIRSHARE_DATA, else <c>data</c>.</summary>
    public static DatabaseOptions DatabaseOptionsFrom(IConfiguration configuration, string? dataFromEnvironment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (dataFromEnvironment is { Length: > 0 } folder && string.IsNullOrEmpty(configuration["Database:DataFolder"]))
        {
            database.DataFolder = folder;
        }
        _ = database.ResolveConnectionString();
        return database;
    }

    /// <summary>Migrates the database and, on an empty embedded database, loads the demo council.</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, TextWriter stdout)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        var demo = scope.ServiceProvider.GetRequiredService<DemoDatabase>();
        if (database.ParsedProvider == DatabaseProvider.Sqlite
            && scope.ServiceProvider.GetRequiredService<FairShareOptions>().LoadDemoWhenEmpty
            && await demo.IsEmptyAsync())
        {
            var result = (await scope.ServiceProvider.GetRequiredService<LoadDemoData>().HandleAsync(new LoadDemoDataRequest())).Value;
            await stdout.WriteLineAsync(result.Message);
            var (name, csv) = await demo.ImportableUsageAsync();
            var path = Path.Combine(Path.GetFullPath(database.DataFolder), name);
            await File.WriteAllTextAsync(path, csv);
            await stdout.WriteLineAsync($"The demo leaves one month of usage for you to import: {path}");
        }
        if (await demo.IsEmptyAsync())
        {
            // No authority and no demo: the first-run pages are open, behind the setup token printed here.
            var gate = app.Services.GetRequiredService<SetupGate>();
            gate.Open();
            await stdout.WriteLineAsync("This database holds no authority yet. Open /setup on this server to set up your council,");
            await stdout.WriteLineAsync($"and give this setup token when asked: {gate.Token}");
            await stdout.WriteLineAsync("(or run `fairshare init` with the same database settings). The token changes each time FairShare starts.");
        }
    }

    /// <summary>Runs until stopped. Bad configuration ends start-up with one sentence and exit code 1, not a stack trace.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Action<WebApplicationBuilder>? configure = null)
    {
        WebApplication app;
        try
        {
            app = Build(args, configure);
            await PrepareDatabaseAsync(app, stdout);
            await app.StartAsync();
        }
        catch (Exception e) when (Describe(e) is { } sentence)
        {
            await stderr.WriteLineAsync($"FairShare cannot start: {sentence}");
            return 1;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        await stdout.WriteLineAsync($"FairShare is running at {address} ({Where(database)}). Press Ctrl+C to stop.");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static string Where(DatabaseOptions database) => database.ParsedProvider == DatabaseProvider.Sqlite
        ? $"SQLite database {database.SqliteFile}"
        : "PostgreSQL database";

    private static string? Describe(Exception e) => e switch
    {
        ConfigurationProblemException c => c.Message,
        IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } or
            IOException when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
            => $"the address is already in use ({e.Message.Split(':', 2)[^1].Trim()}); stop the other program or choose another port with --FairShare:Port=5001.",
        InvalidOperationException { InnerException: { } inner } => Describe(inner),
        _ => null,
    };
}
