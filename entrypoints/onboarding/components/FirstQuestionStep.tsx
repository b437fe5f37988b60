import { useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import { errorMessage } from '../../shared/error-message';
import { starterQuestions } from '../../shared/starter-questions';

/**
 * The last step: pick a first question; "Open Clera" opens the side panel and, when the keys are saved, asks it
 * there (the answer streams into the panel).
 */
export function FirstQuestionStep({ client, configured, openPanel }: { client: PortClient | null; configured: boolean; openPanel: () => void }) {
  const [question, setQuestion] = useState<string>(starterQuestions[0]);
  const [status, setStatus] = useState('');

  const open = () => {
    // First, while the click's user gesture lasts: Chrome opens the side panel only inside one.
    openPanel();
    if (!configured || !client) {
      setStatus('The panel is open. Add your Anthropic key in Settings to start asking.');
      return;
    }
    client.request({ type: 'chat-send', text: question }).then(
      () => { setStatus('Asked. The answer is in the Clera panel.'); },
      (error: unknown) => { setStatus(errorMessage(error)); },
    );
  };

  return (
    <div>
      <fieldset className="starter-questions">
        <legend className="help">Choose a question to start with:</legend>
        {starterQuestions.map((text) => (
          <label key={text} className="radio-row">
            <input type="radio" name="first-question" value={text} checked={question === text} onChange={() => { setQuestion(text); }} />
            <span>{text}</span>
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={open}>
          Open Clera
        </button>
        <p role="status" className="form-status">
          {status}
        </p>
      </div>
      <p className="muted">The shortcut Alt+Shift+C opens the panel too, and typing “clera” and a question in the address bar asks it.</p>
    </div>
  );
}
