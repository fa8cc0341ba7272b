// The language client Factbox runs: vscode-languageclient's LanguageClient
// with one race of its stop path closed. It imports vscode-languageclient
// (and so `vscode`) at run time; its unit test loads it with a stand-in for
// `vscode`.
import { ErrorCodes, LanguageClient, ResponseError, State } from 'vscode-languageclient/node';

/**
 * requestError is the error a request of a client in state should fail
 * with, given the error it failed with.
 *
 * vscode-languageclient 9 checks the state when a request is made, then
 * waits for its start promise before it takes the connection. A stop()
 * between the two (a restart, or the window reloading while VS Code asks for
 * code actions or a hover) makes the request fail with a plain
 * Error('Starting server failed'), which the client's providers log as a
 * failed request, with an error notification, and VS Code's extension host
 * logs as "[factbox.factbox] provider FAILED". A request made a moment later
 * gets ResponseError(ConnectionInactive), which the providers answer with
 * their empty default, silently. Once the client is stopping or stopped, any
 * failure that is not a response of the server is turned into that one; a
 * starting or running client keeps its errors.
 */
export function requestError(err: unknown, state: State): unknown {
  if (state !== State.Stopped || err instanceof ResponseError) {
    return err;
  }
  return new ResponseError(ErrorCodes.ConnectionInactive, 'Client is not running');
}

/** FactboxClient is LanguageClient with requestError applied to every request. */
export class FactboxClient extends LanguageClient {
  // The base class declares sendRequest with nine overloads; one loose
  // signature stands for all of them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async sendRequest(type: any, ...params: any[]): Promise<any> {
    try {
      return await (super.sendRequest as (...a: unknown[]) => Promise<unknown>).call(this, type, ...params);
    } catch (err) {
      throw requestError(err, this.state);
    }
  }
}
