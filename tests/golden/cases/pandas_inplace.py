# In-place idioms students use: a column's fillna(inplace=True) and item assignment write through to the frame.
import io
import pandas as pd

data = pd.read_csv(io.StringIO('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n'))
data['NumRooms'].fillna(data['NumRooms'].mean(), inplace=True)
data
# %%
data.Alley.fillna('None', inplace=True)
data
# %%
data['Price'][0] = 5
data
# %%
s = pd.Series([1.5, None, 3.0], index=['a', 'b', 'c'])
s['b'] = 2
s
# %%
t = pd.Series([1, 2, 3])
t[1] = 'x'
t
# %%
inputs = data.iloc[:, 0:2].copy()
inputs.dropna(inplace=True)
inputs.fillna(0, inplace=True)
inputs
